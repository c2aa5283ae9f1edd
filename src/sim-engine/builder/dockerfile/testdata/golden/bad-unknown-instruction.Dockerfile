FROM alpine
FORM alpine
