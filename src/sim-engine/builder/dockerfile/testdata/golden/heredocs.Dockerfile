FROM alpine
RUN <<EOF
echo hello
echo $HOME
EOF
RUN <<-EOT
	echo tabs are chomped
	EOT
RUN <<'EOF' cat > /quoted.txt
no $EXPANSION here
EOF
RUN <<"EOF2"
also not expanded
EOF2
COPY <<EOF /etc/greeting
Hello ${NAME:-world}
EOF
COPY <<-EOF <<'RAW' /dst/
	chomped $X
	EOF
raw $Y
RAW
RUN 3<<FILE cat /dev/fd/3
fd three
FILE
RUN python3 <<EOF > /out.txt
print("hi")
EOF
RUN ["cat", "<<EOF"]
ONBUILD RUN <<EOF
echo onbuild heredoc
EOF
RUN echo "not <<EOF a heredoc" && echo ok
