package com.bumpgrade.commerce.api.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;

import java.util.List;

/** A group of MCP tools, one per command or query of a capability; the server offers every group's tools. */
interface McpTools {
    List<McpServerFeatures.AsyncToolSpecification> tools();
}
