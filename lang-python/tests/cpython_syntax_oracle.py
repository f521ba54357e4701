# Oracle driver for the lang-python syntax tests (run with CPython 2.7).
#
#   dump FILE...      for each file: "=== FILE" then ast.dump(tree,
#                     include_attributes=True) on one line, or
#                     "!!! <exception type>" if CPython cannot compile it.
#   snippets          reads "mode <python literal>" lines from stdin and
#                     prints "hexsource|mode|dump" for each.
#   errors            reads snippets (one Python literal per line) from
#                     stdin, writes each to a temporary file, compiles it
#                     under that file name (ast only: no symtable or
#                     compiler checks) and prints
#                     "hexsource|mode|type|msg|lineno|offset|hextext".
import ast
import os
import sys
import tempfile


def dump(paths):
    out = sys.stdout
    for path in paths:
        out.write('=== %s\n' % path)
        try:
            with open(path, 'rb') as f:
                src = f.read()
            tree = compile(src, path, 'exec', ast.PyCF_ONLY_AST)
            out.write(ast.dump(tree, include_attributes=True) + '\n')
        except Exception as e:
            out.write('!!! %s\n' % type(e).__name__)


def errors():
    d = tempfile.mkdtemp()
    for n, line in enumerate(sys.stdin):
        line = line.rstrip('\n')
        if not line:
            continue
        mode, lit = line.split(' ', 1)
        src = ast.literal_eval(lit)
        path = os.path.join(d, 'snippet%d.py' % n)
        with open(path, 'wb') as f:
            f.write(src)
        try:
            compile(src, path, mode, ast.PyCF_ONLY_AST)
            res = ('OK', None, None, None, None)
        except Exception as e:
            res = (type(e).__name__, getattr(e, 'msg', str(e)),
                   getattr(e, 'lineno', None), getattr(e, 'offset', None),
                   getattr(e, 'text', None))
        text = res[4]
        fields = [src.encode('hex'), mode] + [repr(x) for x in res[:4]] + [
            'None' if text is None else text.encode('hex')]
        sys.stdout.write('|'.join(fields) + '\n')
        os.remove(path)


def dump_snippets():
    # stdin: "mode <python literal>" lines; stdout: "hexsource|mode|dump"
    # (dump is "!!! <type>" when CPython rejects the snippet).
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        mode, lit = line.split(' ', 1)
        src = ast.literal_eval(lit)
        try:
            tree = compile(src, '<snippet>', mode, ast.PyCF_ONLY_AST)
            out = ast.dump(tree, include_attributes=True)
        except Exception as e:
            out = '!!! %s' % type(e).__name__
        sys.stdout.write('%s|%s|%s\n' % (src.encode('hex'), mode, out))


if __name__ == '__main__':
    if sys.argv[1] == 'dump':
        dump(sys.argv[2:])
    elif sys.argv[1] == 'snippets':
        dump_snippets()
    else:
        errors()
