import math
class Shape(object):
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError("area of %s" % self.name)
    def __repr__(self):
        return "%s(%.2f)" % (self.name, self.area())
    def __lt__(self, other):
        return self.area() < other.area()
class Circle(Shape):
    def __init__(self, r):
        super(Circle, self).__init__("Circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, "Rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
        self.name = "Square"
shapes = [Circle(1), Rect(2, 3), Square(2), Circle(0.5)]
print sorted(shapes), Shape.count
print [type(s).__name__ for s in shapes], sum(s.area() for s in shapes)
try:
    Shape("abstract").area()
except NotImplementedError as e:
    print "NotImplementedError:", e
print isinstance(shapes[2], Rect), issubclass(Square, Shape), Square.__bases__[0].__name__
print max(shapes), min(shapes, key=lambda s: s.area())
