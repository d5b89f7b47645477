print("a virtualenv helper")
