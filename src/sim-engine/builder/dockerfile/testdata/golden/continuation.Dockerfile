FROM busybox
RUN echo one \
# a comment line inside the continuation is dropped
    two \
    # an indented comment too
    three

RUN echo four \

    five
RUN echo trailing backslash \\
RUN echo \
  end \
