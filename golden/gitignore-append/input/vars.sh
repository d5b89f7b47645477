PUBLIC_HOST=www.example.com
