FROM alpine
# escape=`
RUN echo \
  hi
