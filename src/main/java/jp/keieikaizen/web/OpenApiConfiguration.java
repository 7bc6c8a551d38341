package jp.keieikaizen.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description of /api (at /v3/api-docs; browsable at /swagger-ui.html): HTTP Basic on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI keieiKaizenApi() {
    return new OpenAPI()
        .info(new Info().title("keiei-kaizen 案件管理 API").version("v1").description("""
            中小企業活性化協議会の経営改善計画策定支援（早期・405）の案件管理。Every call authenticates with HTTP Basic
            as an engine user; a case the caller may not see answers 404 like an unknown one; bad input answers 400
            application/problem+json with errors[{field, rule}]."""))
        .components(new Components().addSecuritySchemes("basicAuth",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
  }
}
