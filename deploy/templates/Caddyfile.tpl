# Caddy for ECHO Hub. Written by deploy/render.mjs from deploy/templates/Caddyfile.tpl.
# Automatic HTTPS for the domain; every request (the API, socket.io's websockets and the web client) goes to
# one of the hub instances, round robin, with no stickiness: any instance serves any client.
{
{{GLOBAL_OPTIONS}}
}

{{SITE}} {
{{TLS}}
	# Prometheus scrapes each instance directly (METRICS_TOKEN); the metrics are not served to the internet.
	@metrics path /api/metrics /api/metrics/*
	respond @metrics 404
	reverse_proxy {{UPSTREAMS}} {
		# Each request's id, in the hub's log lines and answered as X-Request-Id (the hub trusts it from its proxy).
		header_up X-Request-Id {http.request.uuid}
		lb_policy round_robin
		lb_try_duration 5s
		fail_duration 10s
		health_uri /api/ready
		health_interval 5s
	}
	header Strict-Transport-Security "max-age=31536000"
}
