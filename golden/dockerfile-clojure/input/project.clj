(defproject clojure-getting-started "1.0.0-SNAPSHOT"
  :description "Demo Clojure web app"
  :dependencies [[org.clojure/clojure "1.11.2"]
                 [compojure "1.7.1"]
                 [ring/ring-jetty-adapter "1.12.1"]]
  :min-lein-version "2.0.0"
  :uberjar-name "clojure-getting-started-standalone.jar"
  :profiles {:production {:env {:production true}}})
