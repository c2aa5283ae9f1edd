#!/bin/sh
echo "hello from the build stage: $(cat /app/artifact.txt)"
