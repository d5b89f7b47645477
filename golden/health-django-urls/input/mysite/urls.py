from django.urls import path

from . import views

urlpatterns = [
    path("", views.home),
    path("heartbeat/", views.heartbeat, name="heartbeat"),
]
