package main

import (
	"encoding/json"
	"io"
	"os"
	"strings"
)

type out struct {
	Input string `json:"input"`
	Error string `json:"error,omitempty"`
	More  *bool  `json:"more,omitempty"`
}

func main() {
	var inputs []string
	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
		panic(err)
	}
	res := []out{}
	for _, s := range inputs {
		dec := json.NewDecoder(strings.NewReader(s))
		var v interface{}
		err := dec.Decode(&v)
		if err != nil {
			msg := err.Error()
			if err == io.EOF {
				msg = "EOF"
			}
			res = append(res, out{Input: s, Error: msg})
			continue
		}
		m := dec.More()
		res = append(res, out{Input: s, More: &m})
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	enc.Encode(res)
}
