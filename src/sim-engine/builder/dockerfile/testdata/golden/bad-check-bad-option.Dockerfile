# check=skp=all
FROM alpine
