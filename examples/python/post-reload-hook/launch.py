# The original's post-reload-hook example: after every reload, call functions of the reloaded module.
#   cd examples/python/post-reload-hook && ../../../bin/jython launch.py
import hotload


class MathReloader(hotload.ReloadedPythonModule):
    def post_reload_hook(self, mod):
        mod.teststuff()
        mod.teststuff2()


hotload.hotload(
    watch=[
        hotload.listfiles(".", ext=".py")
    ],
    steps=[
        hotload.ClearTerminal(),
        MathReloader.from_module_name("mymath"),
    ]
)
