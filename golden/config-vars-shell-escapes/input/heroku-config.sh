PLAIN=hello
EMPTY=
URL='https://example.com/a?b=1&c=2'
SPACED='two words'
SQUOTE="it's"
SQ_DOLLAR="it's \$5"
SQ_BANG="it's\!"
SQ_BACKTICK="it's \`date\`"
SQ_BACKSLASH="it's a\\b"
SQ_QUOTE="it's \"quoted\""
BS='a\b'
NL="l1\nl2"
PEM="-----BEGIN KEY-----\nMIIfakepemdata\n-----END KEY-----\n"
PLAIN=hello-again
