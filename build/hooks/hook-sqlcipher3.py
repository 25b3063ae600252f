"""sqlcipher3: the extension embeds SQLCipher (and its crypto backend); keep its license files."""

from PyInstaller.utils.hooks import collect_dynamic_libs, copy_metadata

binaries = collect_dynamic_libs("sqlcipher3")
datas = copy_metadata("sqlcipher3")
