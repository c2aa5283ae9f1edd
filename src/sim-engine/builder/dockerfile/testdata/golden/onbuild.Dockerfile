FROM node:20
ONBUILD COPY package.json /app/
ONBUILD   RUN --mount=type=cache,target=/root/.npm npm ci
onbuild ADD . /app/src
ONBUILD HEALTHCHECK CMD true
ONBUILD ENV A=1
