# Runs before every dyno's command on Heroku.
export NODE_OPTIONS="--max-old-space-size=$((${MEMORY_AVAILABLE:-512} * 3 / 4))"
