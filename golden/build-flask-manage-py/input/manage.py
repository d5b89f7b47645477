from flask_script import Manager
