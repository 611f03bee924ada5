#!/bin/bash
# The container's health check: healthy when GET /actuator/health/readiness answers 200, i.e. the context is up,
# the migrations ran and every event processor runs. Plain bash (/dev/tcp), so the image needs no curl.
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
read -r -t 5 status <&3 || exit 1
[[ "$status" == "HTTP/1.1 200 "* ]]
