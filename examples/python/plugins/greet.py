# A plug-in of examples/.../embedding/ToolHost: edit and save while the tool runs.
print("hello from the greet plug-in")


def unload():
    # The tool calls this once, when hotload stops.
    print("greet plug-in unloaded")
