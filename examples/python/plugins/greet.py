# A plug-in of examples/.../embedding/ToolHost: edit and save while the tool runs.
print("hello from the greet plug-in")
