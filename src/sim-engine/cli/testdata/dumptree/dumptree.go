// Dumps docker/cli's cobra command tree as JSON (see ../README.md). Built into cmd/docker of a
// docker/cli checkout; run as DUMP_TREE=1 docker.

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"

	"github.com/docker/cli/cli/command"
	"github.com/docker/cli/cli/command/commands"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

type dFlag struct {
	Name, Shorthand, Type, GoType, Usage, DefValue, NoOptDefVal, Deprecated, ShorthandDeprecated string
	HasNoOpt                                                                                     bool
	Validator                                                                                    string
	Hidden                                                                                       bool
	Persistent                                                                                   bool
	Annotations                                                                                  map[string][]string
}
type dCmd struct {
	Path, Use, Short, Long, Example, Deprecated string
	Aliases                                     []string
	Annotations                                 map[string]string
	Hidden, Runnable, Interspersed, HasArgs     bool
	RunFile, RunFunc, ArgsFunc                  string
	ArgsProbe                                   []string
	Flags                                       []dFlag
	Sub                                         []*dCmd
}

func fnInfo(f interface{}) (string, string) {
	v := reflect.ValueOf(f)
	if !v.IsValid() || v.IsNil() {
		return "", ""
	}
	fn := runtime.FuncForPC(v.Pointer())
	file, _ := fn.FileLine(v.Pointer())
	return file, fn.Name()
}

func dumpFlags(fs *pflag.FlagSet, persistent bool, out *[]dFlag) {
	fs.VisitAll(func(f *pflag.Flag) {
		*out = append(*out, dFlag{Name: f.Name, Shorthand: f.Shorthand, Type: f.Value.Type(), GoType: reflect.TypeOf(f.Value).String(),
			Usage: f.Usage, DefValue: f.DefValue, NoOptDefVal: f.NoOptDefVal, HasNoOpt: f.NoOptDefVal != "", Deprecated: f.Deprecated,
			ShorthandDeprecated: f.ShorthandDeprecated, Hidden: f.Hidden, Persistent: persistent, Annotations: f.Annotations, Validator: validatorOf(f.Value)})
	})
}

func dump(c *cobra.Command, probe *cobra.Command) *dCmd {
	d := &dCmd{Path: c.CommandPath(), Use: c.Use, Short: c.Short, Long: c.Long, Example: c.Example, Deprecated: c.Deprecated,
		Aliases: c.Aliases, Annotations: c.Annotations, Hidden: c.Hidden, Runnable: c.Runnable()}
	if c.RunE != nil {
		d.RunFile, d.RunFunc = fnInfo(c.RunE)
	} else if c.Run != nil {
		d.RunFile, d.RunFunc = fnInfo(c.Run)
	}
	d.Interspersed = reflect.ValueOf(c.Flags()).Elem().FieldByName("interspersed").Bool()
	if probe != nil && probe.Args != nil {
		d.HasArgs = true
		_, d.ArgsFunc = fnInfo(probe.Args)
		for n := 0; n <= 6; n++ {
			args := make([]string, n)
			for i := range args {
				args[i] = fmt.Sprintf("a%d", i)
			}
			if err := probe.Args(probe, args); err != nil {
				d.ArgsProbe = append(d.ArgsProbe, strings.SplitN(err.Error(), "\n", 2)[0])
			} else {
				d.ArgsProbe = append(d.ArgsProbe, "ok")
			}
		}
	}
	dumpFlags(c.LocalNonPersistentFlags(), false, &d.Flags)
	dumpFlags(c.PersistentFlags(), true, &d.Flags)
	for _, s := range c.Commands() {
		var ps *cobra.Command
		if probe != nil {
			for _, p := range probe.Commands() {
				if p.Name() == s.Name() {
					ps = p
				}
			}
		}
		d.Sub = append(d.Sub, dump(s, ps))
	}
	return d
}

func dumpTree(dockerCli *command.DockerCli) {
	tcmd := newDockerCommand(dockerCli)
	root, _, _ := tcmd.HandleGlobalFlags()
	probeRoot := &cobra.Command{Use: "docker [OPTIONS] COMMAND [ARG...]", DisableFlagsInUseLine: true}
	commands.AddCommands(probeRoot, dockerCli)
	visitAll(probeRoot, func(c *cobra.Command) { c.DisableFlagsInUseLine = true })
	d := dump(root, probeRoot)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(d)
}

func validatorOf(v pflag.Value) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Ptr || rv.Elem().Kind() != reflect.Struct {
		return ""
	}
	fv := rv.Elem().FieldByName("validator")
	if !fv.IsValid() || fv.Kind() != reflect.Func || fv.IsNil() {
		return ""
	}
	fn := runtime.FuncForPC(fv.Pointer())
	return fn.Name()
}
