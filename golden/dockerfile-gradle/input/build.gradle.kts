plugins {
    java
    id("org.springframework.boot") version "3.2.5"
}

group = "com.example"
version = "1.0.0-SNAPSHOT"

tasks.register("stage") {
    dependsOn("build")
}
