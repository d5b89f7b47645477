RAILS_ENV='staging'
RAILS_ENV='production'
