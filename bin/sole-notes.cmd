@echo off
rem The Sole Notes command line, without npm (see bin\sole-notes.mjs).
node "%~dp0sole-notes.mjs" %*
