"""Generator for the campaign microsite: content/ -> model -> docs/<lang>/ -> site/<lang>/."""
