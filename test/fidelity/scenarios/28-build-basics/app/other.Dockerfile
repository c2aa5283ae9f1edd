FROM alpine
COPY hello.txt /srv/hello.txt
ENTRYPOINT ["cat"]
CMD ["/srv/hello.txt"]
