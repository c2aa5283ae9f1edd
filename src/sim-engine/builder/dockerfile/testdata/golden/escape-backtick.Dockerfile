# escape=`
# syntax=docker/dockerfile:1

FROM mcr.microsoft.com/windows/servercore
COPY testfile.txt c:\
RUN dir c:\ `
    && echo continued `
    && echo done
ENV WIN_PATH="C:\Program Files\App" QUOTED="a `"quoted`" word"
LABEL path=c:\data
