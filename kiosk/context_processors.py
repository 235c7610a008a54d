def kiosk(request):
    return {"kiosk_profile": getattr(request, "kiosk_profile", None)}
