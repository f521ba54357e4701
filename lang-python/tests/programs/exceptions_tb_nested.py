class ValidationError(ValueError):
    pass
def validate(x):
    if x < 0:
        raise ValidationError("negative: %d" % x)
    return x
def process(items):
    out = []
    for it in items:
        try:
            out.append(validate(it))
        except ValidationError as e:
            out.append(str(e))
    return out
print process([1, -2, 3])
def outer():
    try:
        inner()
    except KeyError:
        raise RuntimeError("wrapped")
def inner():
    {}["x"]
try:
    outer()
except RuntimeError as e:
    print "RuntimeError:", e
def final_override():
    try:
        return 1
    finally:
        return 2
print final_override()
def loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print loop_finally()
validate(-5)
