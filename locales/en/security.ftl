error-busy-title = Pasar is very busy
error-busy-text = Too many requests are being handled right now. Please try again in a few seconds; nothing you typed was saved yet.
flash-session-expired = Your session ended, for your security. Please log in again.
flash-signed-out-everywhere = You are now logged out on every device, this one included.
settings-sessions = Devices
settings-sessions-lead = Log out everywhere you are signed in, for example on a lost phone or a shared computer.
settings-sessions-submit = Log out of every device
