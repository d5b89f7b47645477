module github.com/heroku/go-getting-started

// +heroku goVersion go1.22
go 1.21

require github.com/gin-gonic/gin v1.10.0
