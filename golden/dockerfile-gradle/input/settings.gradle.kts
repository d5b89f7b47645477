rootProject.name = "gradle-getting-started"
