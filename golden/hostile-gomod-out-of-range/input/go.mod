module example.com/shop

go 99999999999999999999.1
