# check=skip=MaintainerDeprecated,StageNameCasing;error=true
FROM alpine AS Upper
MAINTAINER me
from alpine
