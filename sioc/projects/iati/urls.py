app_name = "iati"

urlpatterns = []
