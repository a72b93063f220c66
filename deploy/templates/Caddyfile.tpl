# Caddy for ECHO Hub. Written by deploy/render.mjs from deploy/templates/Caddyfile.tpl.
# Automatic HTTPS for the domain; every request (the API, socket.io's websockets and the web client) goes to
# one of the hub instances, round robin, with no stickiness: any instance serves any client.
{
{{GLOBAL_OPTIONS}}
}

{{SITE}} {
{{TLS}}
	reverse_proxy {{UPSTREAMS}} {
		lb_policy round_robin
		lb_try_duration 5s
		fail_duration 10s
		health_uri /api/ready
		health_interval 5s
	}
	header Strict-Transport-Security "max-age=31536000"
}
