# cStringIO as an alias of StringIO.py: the StringIO factory, reading,
# writing, seeking.
import cStringIO
out = cStringIO.StringIO()
out.write('hello\n')
out.writelines(['a', 'b\n'])
print >>out, 'printed', 42
print repr(out.getvalue()), out.tell()
inp = cStringIO.StringIO('one\ntwo\nthree')
print repr(inp.readline()), inp.readlines(), repr(inp.read())
inp.seek(4)
print repr(inp.read(3)), [line for line in cStringIO.StringIO('x\ny\n')]
print isinstance(out, cStringIO.OutputType), isinstance(inp, cStringIO.InputType)
