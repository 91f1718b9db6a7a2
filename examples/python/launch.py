# The original's launch script, unchanged: run it from this folder with
#   cd examples/python && ../../bin/jython launch.py
# then edit lib.py and save.
import hotload

hotload.hotload(
    watch=[
        hotload.listfiles(".", ext=".py")
    ],
    steps=[
        hotload.ClearTerminal(),
        hotload.ReloadedPythonModule.from_module_name("lib"),
    ]
)
