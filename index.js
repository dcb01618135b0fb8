// n8n loads the nodes and the credential listed in package.json's "n8n" field; nothing to export here.
