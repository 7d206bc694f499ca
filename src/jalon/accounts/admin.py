from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Invitation, Membership, User

admin.site.register(User, UserAdmin)
admin.site.register(Membership)
admin.site.register(Invitation)
