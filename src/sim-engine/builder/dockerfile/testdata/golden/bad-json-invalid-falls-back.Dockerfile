FROM alpine
CMD ["a", 
