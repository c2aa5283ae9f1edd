FROM scratch
COPY c0.txt /c0.txt
