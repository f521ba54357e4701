# Lib's codecs.py and the encodings package over our _codecs: lookup,
# table-driven codecs, stream readers/writers, incremental codecs,
# registered error handlers, and str/unicode methods using the registry.
import codecs, StringIO

info = codecs.lookup('UTF-8')
print info.name, codecs.lookup('latin1').name, codecs.lookup('cp1252').name, codecs.lookup('Mac Roman').name
for enc in ['cp1252', 'koi8_r', 'mac_roman', 'cp437', 'iso8859_15', 'cp850', 'utf-16', 'utf-32-be', 'utf-7']:
    u = u'caf\xe9 \u20ac' if enc not in ('koi8_r', 'cp437', 'cp850') else u'\u0436\u0437 \u2500'
    try:
        b = u.encode(enc)
        print enc, repr(b), b.decode(enc) == u, unicode(b, enc) == u
    except UnicodeError as e:
        print enc, type(e).__name__, e
print repr('\x80\x81'.decode('cp1252', 'replace')), repr(u'\u0100'.encode('cp1252', 'xmlcharrefreplace'))
try:
    u'\u0100'.encode('cp1252')
except UnicodeEncodeError as e:
    print e
try:
    '\x81'.decode('cp1252')
except UnicodeDecodeError as e:
    print e
try:
    u'x'.encode('no-such-codec')
except LookupError as e:
    print 'LookupError', e
print repr(codecs.encode(u'abc', 'rot13')), repr(codecs.decode('616263', 'hex')), repr('x'.encode('zlib')[:2])

# Error handlers registered in Python.
def mine(e):
    return (u'[%s]' % e.object[e.start:e.end].encode('unicode_escape') if isinstance(e, UnicodeEncodeError) else u'[?]', e.end)
codecs.register_error('mine', mine)
print u'a\u20acb'.encode('cp1252', 'mine'), u'a\u0100b'.encode('latin-1', 'mine'), repr('a\x81b'.decode('cp1252', 'mine'))
print codecs.lookup_error('mine') is mine, codecs.strict_errors, codecs.ignore_errors

# Stream readers and writers.
buf = StringIO.StringIO()
w = codecs.getwriter('utf-8')(buf)
w.write(u'h\xe9llo\n')
w.writelines([u'\u20ac\n', u'end'])
print repr(buf.getvalue())
r = codecs.getreader('utf-8')(StringIO.StringIO(buf.getvalue()))
print repr(r.readline()), repr(r.read())
r = codecs.getreader('utf-16')(StringIO.StringIO(u'one\ntwo'.encode('utf-16')))
print r.readlines()
srw = codecs.EncodedFile(StringIO.StringIO(u'\xe9t\xe9'.encode('latin-1')), 'utf-8', 'latin-1')
print repr(srw.read())

# Incremental codecs: feed a multi-byte text a byte at a time.
for enc in ['utf-8', 'utf-16', 'utf-32', 'cp1252', 'utf-7']:
    data = u'\xe9\u20ac+x'.encode(enc) if enc != 'cp1252' else u'\xe9\u20ac+x'.encode(enc)
    d = codecs.getincrementaldecoder(enc)()
    out = [d.decode(ch) for ch in data] + [d.decode('', True)]
    e = codecs.getincrementalencoder(enc)()
    enc_out = ''.join(e.encode(ch) for ch in u'\xe9\u20ac+x') + e.encode(u'', True)
    print enc, repr(u''.join(out)), [len(o) for o in out], enc_out == data
print list(codecs.iterdecode(['\xc3', '\xa9', 'a'], 'utf-8')), list(codecs.iterencode([u'\xe9', u'a'], 'utf-8'))

# BOM constants and codecs.open through a real file.
print repr(codecs.BOM_UTF8), repr(codecs.BOM_UTF16_LE), repr(codecs.BOM_UTF32_BE)

# codecs.open: a UTF-16 file written and read back.
f = codecs.open('_codecs_open_tmp.txt', 'w', 'utf-16')
f.write(u'h\xe9llo\n\u20ac line two\n')
f.close()
print repr(open('_codecs_open_tmp.txt', 'rb').read())
with codecs.open('_codecs_open_tmp.txt', 'r', 'utf-16') as f:
    print f.readlines()
with codecs.open('_codecs_open_tmp.txt', 'r', 'utf-16') as f:
    print repr(f.read(3)), repr(f.readline())
