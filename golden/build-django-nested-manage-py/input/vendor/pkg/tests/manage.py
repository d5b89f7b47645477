print("not the app")
