"""The phone remote in the app: the bridge between the talk and ``briefing.remote``'s server,
and the console's pairing dialog (QR code, address, paired device, accept a second one)."""
