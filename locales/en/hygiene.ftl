## Requests refused for control characters (src/web/hygiene.rs)
hygiene-refused-text = The address or the request contained characters that are not allowed (such as a NUL byte). Please check the link and try again.
