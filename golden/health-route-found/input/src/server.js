const express = require("express");
const app = express();
const mode = process.env.get ? "x" : "status";

// app.get("/health", ...) was the old check
app.get("/status", requireLogin, (req, res) => res.json({ queue: 3 }));
app.get(`/api/healthz`, (req, res) => res.send("ok"));
app.get("/users/:id", (req, res) => res.send("user"));

app.listen(process.env.PORT);
