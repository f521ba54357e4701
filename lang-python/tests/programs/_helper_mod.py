CONST = "c"
def square(x):
    return x * x
